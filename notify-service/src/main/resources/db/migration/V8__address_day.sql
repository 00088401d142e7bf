-- Issue 17 item 5: at most notify.delivery.daily-cap-per-address SMS and e-mails to one citizen address a day, so a
-- web form filled in with someone else's mobile or e-mail cannot make the suite flood them. The address is kept only
-- as a keyed hash. A dispatcher pass takes its places for all its messages in one statement (granted: what that
-- statement was given) and gives back those it did not use; rows older than yesterday are deleted (AddressCaps#purge).
create table address_day (
    address_hash bytea not null,
    day          date  not null,
    messages     int   not null,
    granted      int   not null,
    primary key (address_hash, day)
);
