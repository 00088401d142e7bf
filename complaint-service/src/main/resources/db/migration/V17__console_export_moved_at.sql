-- With two instances, a starting instance cannot tell its own interrupted exports from another's running ones: an
-- export now records when its runner last moved it, and one that has not moved for a while is paused (its runner is
-- gone) by whichever instance sees it first (ExportJobs#pauseStalled).
alter table console_export add column moved_at timestamptz;
update console_export set moved_at = coalesce(finished_at, requested_at);
