//! DNSPod's API 3.0 (Tencent Cloud): SecretId/SecretKey pairs, TC3-HMAC-SHA256 signed JSON
//! POSTs, the batch actions and the look-ups. Everything that names one of its actions,
//! fields or codes is here.

pub(crate) mod codes;
mod lookups;
pub(crate) mod sign;
pub(crate) mod wire;
