//! The single-record actions of both APIs (Record.Create, Record.Modify, Record.Status,
//! Record.Remark, Record.Info, Record.Remove; CreateRecord, ModifyRecord, DeleteRecord,
//! ModifyRecordStatus, ModifyRecordRemark): done at once, under the same rules as a job's
//! items (`rules.rs`).

use std::time::Instant;

use super::State;
use crate::model::rules;
use crate::model::zone::{Failure, Record, host};

impl State {
    /// Writes `record` (its `domain_id` set) now if the rules allow; its new id.
    pub(crate) fn create_record(&mut self, mut record: Record) -> Result<u64, Failure> {
        self.settle();
        if self.zone.domain(record.domain_id).is_none() {
            return Err(Failure::NoSuchDomain);
        }
        record.sub_domain = host(&record.sub_domain).to_string();
        rules::check(&self.zone, &record, None)?;
        Ok(self.zone.add_record(record))
    }

    /// The domain's record `id`, as it is now, if a client may change it: another
    /// domain's record is no such record, as the vendor's code 8 says.
    pub(crate) fn own_record(&mut self, domain_id: u64, id: u64) -> Result<Record, Failure> {
        self.settle();
        match self.zone.record(id) {
            Some(record) if record.domain_id != domain_id => Err(Failure::NoSuchRecord),
            Some(record) if record.system => Err(Failure::SystemRecord),
            Some(record) => Ok(record.clone()),
            None => Err(Failure::NoSuchRecord),
        }
    }

    /// Replaces the domain's record `id` by `record` whole (Record.Modify, ModifyRecord).
    /// One that changes nothing is counted, and too many lock the record (`rules.rs`).
    pub(crate) fn replace_record(
        &mut self,
        domain_id: u64,
        id: u64,
        mut record: Record,
    ) -> Result<(), Failure> {
        let mut live = self.own_record(domain_id, id)?;
        let now = Instant::now();
        if self.no_ops.is_locked(id, now) {
            return Err(Failure::Locked);
        }
        (record.id, record.domain_id) = (id, domain_id);
        record.sub_domain = host(&record.sub_domain).to_string();
        live.sub_domain = host(&live.sub_domain).to_string();
        if live == record {
            return self.no_ops.count(id, now);
        }
        rules::check(&self.zone, &record, Some(id))?;
        *self.zone.user_record_mut(id)? = record;
        Ok(())
    }

    /// Pauses or resumes the domain's record `id` (Record.Status, ModifyRecordStatus).
    pub(crate) fn set_enabled(
        &mut self,
        domain_id: u64,
        id: u64,
        enabled: bool,
    ) -> Result<Record, Failure> {
        self.own_record(domain_id, id)?;
        let record = self.zone.user_record_mut(id)?;
        record.enabled = enabled;
        Ok(record.clone())
    }

    /// Sets or clears (`""`) the remark of the domain's record `id`.
    pub(crate) fn set_remark(
        &mut self,
        domain_id: u64,
        id: u64,
        remark: &str,
    ) -> Result<(), Failure> {
        self.own_record(domain_id, id)?;
        self.zone.user_record_mut(id)?.remark = remark.to_string();
        Ok(())
    }

    /// Deletes the domain's record `id` now (Record.Remove, DeleteRecord).
    pub(crate) fn remove_record(&mut self, domain_id: u64, id: u64) -> Result<(), Failure> {
        self.own_record(domain_id, id)?;
        self.zone.remove_user_record(id).map(drop)
    }

    /// Every single-record modify received that changed nothing.
    pub(crate) fn no_op_modifies(&self) -> usize {
        self.no_ops.total()
    }
}
