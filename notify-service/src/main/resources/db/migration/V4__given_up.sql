-- When a notification was given up (its last try failed, or the channel refused it for good). From then on the
-- row only waits for its notification-dlq record to be acknowledged: a dispatcher that leases it again (the ack
-- never came, e.g. the broker was away or the replica died) publishes that record again and never sends the
-- message again, whatever the count of attempts. A supervisor's resend clears it.
alter table notification
    add column given_up_at timestamptz;
