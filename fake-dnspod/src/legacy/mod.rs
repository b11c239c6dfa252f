//! The legacy API (dnsapi.cn): one form POST a request to `/<Action>`, checked for method,
//! format and token, then the four batch actions (`batch.rs`), the three read-only
//! look-ups and Record.Remove (`lookups.rs`), and the other single-record actions
//! (`records.rs`), over the account in `model/`.

mod batch;
mod listings;
mod lookups;
mod params;
mod records;
mod reply;
mod shapes;

use std::net::IpAddr;
use std::sync::Mutex;

use crate::clock;
use crate::http::{self, Request, Response};
use crate::json::{Field, Json, text};
use crate::listing::Listing;
use crate::lock::lock;
use crate::model::state::State;
use crate::text::Lang;

use reply::Reply;
pub(crate) use reply::UNKNOWN_DOMAIN;

/// What the legacy API is set up with.
pub(crate) struct Settings {
    /// The only `login_token` accepted.
    pub(crate) token: String,
    /// The code Record.List refuses a domain name the account does not hold with.
    pub(crate) record_list_unknown_domain: &'static str,
}

impl Settings {
    /// The token's secret, the part after its ID.
    pub(crate) fn secret(&self) -> &str {
        self.token.split_once(',').map_or("", |(_, secret)| secret)
    }
}

/// Answers `request`, which came from `client`.
pub(crate) fn handle(
    request: &Request,
    client: IpAddr,
    (settings, listing): (&Settings, Listing),
    state: &Mutex<State>,
) -> Response {
    let lang = Lang::from_param(request.param("lang"));
    if request.method != "POST" {
        return refusal(Reply::PostOnly, lang);
    }
    if request.param("format") != Some("json") {
        let reply = Reply::JsonOnly;
        let body = xml_envelope(reply.code(), &reply.message(lang));
        return Response::new(200, http::XML, body);
    }
    if request.param("login_token") != Some(settings.token.as_str()) {
        return refusal(Reply::LoginFailed, lang);
    }
    let mut state = lock(state);
    let state = &mut state;
    let fields = match request.action.as_str() {
        "Batch.Domain.Create" => batch::domain_create(request, state, lang, client),
        "Batch.Record.Create" => batch::record_create(request, state, lang, client),
        "Batch.Record.Modify" => batch::record_modify(request, state, lang, client),
        "Batch.Detail" => batch::detail(request, state, lang),
        "Domain.Info" => lookups::domain_info(request, state),
        "Domain.List" => lookups::domain_list(request, state, listing),
        "Record.List" => {
            let unknown = settings.record_list_unknown_domain;
            lookups::record_list(request, state, listing, unknown)
        }
        "Record.Remove" => lookups::record_remove(request, state),
        "Record.Create" => records::create(request, state),
        "Record.Modify" => records::modify(request, state),
        "Record.Status" => records::status(request, state),
        "Record.Remark" => records::remark(request, state),
        "Record.Info" => records::info(request, state),
        _ => Err(Reply::UnknownAction),
    };
    match fields {
        Ok(fields) => answer(Reply::Done, lang, fields),
        Err(reply) => refusal(reply, lang),
    }
}

fn answer(reply: Reply, lang: Lang, fields: Vec<Field>) -> Response {
    let body = envelope(reply.code(), &reply.message(lang), fields);
    Response::new(200, http::JSON, body)
}

fn refusal(reply: Reply, lang: Lang) -> Response {
    answer(reply, lang, Vec::new())
}

/// `{"status": {...}, ...fields}`.
pub(crate) fn envelope(code: &str, message: &str, fields: Vec<Field>) -> String {
    let status = Json::Obj(vec![
        ("code", text(code)),
        ("message", text(message)),
        ("created_at", text(clock::now())),
    ]);
    let mut body = vec![("status", status)];
    body.extend(fields);
    Json::Obj(body).to_string()
}

/// The vendor's default format, sent when a client forgets `format=json`.
fn xml_envelope(code: &str, message: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dnspod><status><code>{code}</code>\
         <message>{message}</message><created_at>{}</created_at></status></dnspod>\n",
        clock::now()
    )
}

#[cfg(test)]
mod tests;
