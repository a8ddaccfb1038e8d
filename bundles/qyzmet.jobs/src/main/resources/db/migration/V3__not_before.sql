-- A job handed back until a time (JobResult.laterAt): waiting for an outside
-- answer (a bank's status report) without being taken again and again, and
-- without holding up the jobs queued after it.
ALTER TABLE jobs_job ADD COLUMN IF NOT EXISTS not_before DATETIME(6) NULL;
CREATE INDEX IF NOT EXISTS jobs_job_waiting ON jobs_job (status, not_before);
