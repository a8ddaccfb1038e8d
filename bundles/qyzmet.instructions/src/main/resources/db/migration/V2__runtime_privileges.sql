-- What the runtime account may do with these tables (rules §45 enforced by privileges
-- as well as by triggers): the migrations run as the owner, every runtime
-- connection holds only the role qyzmet_runtime (README: the accounts).
-- An instruction's content, digest and confirmation are what the client signed
-- (§25.2, §45.4): only its progress columns can be written; its events are
-- insert and read only.
GRANT SELECT, INSERT ON instr_instruction TO qyzmet_runtime;
GRANT UPDATE (status, challenge_id, confirmed_at, confirmed_session, due_by, taken_by, taken_at, reason_kk, reason_ru,
    reason_en, form_document_id, result_document_ids, updated_at) ON instr_instruction TO qyzmet_runtime;
GRANT SELECT, INSERT ON instr_event TO qyzmet_runtime;
GRANT SELECT, INSERT, UPDATE ON instr_number_series TO qyzmet_runtime;
