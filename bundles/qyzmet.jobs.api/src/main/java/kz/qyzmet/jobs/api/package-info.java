/**
 * Background work as a platform capability: a service queues a job
 * ({@link Jobs#enqueue}) in the transaction that decides it, a
 * {@link JobWorker} of its kind runs it on whichever node is free, reporting
 * progress (which is also its heartbeat), and records its outcome in the
 * transaction that marks the job done. A node that dies leaves its job to
 * another once the heartbeat is old, so workers must tolerate running a job
 * again.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package kz.qyzmet.jobs.api;
