-- What one status look-up reads, as pgbench sees it: the complaint by tracking number, then its public
-- timeline. The first statement only picks a random existing tracking number (bench.lookup, keyed by n).
\set n random(1, :count)
SELECT tracking_number AS t FROM bench.lookup WHERE n = :n \gset
SELECT id, query_code_hash, status, kind FROM public.complaint WHERE tracking_number = :t \gset
SELECT at, status, note FROM public.status_timeline_entry WHERE complaint_id = :id ORDER BY at;
