-- Issue 17 item 5: at most notify.delivery.daily-cap-per-address SMS and e-mails to one citizen address a day, so a
-- web form filled in with someone else's mobile or e-mail cannot make the suite flood them. The address is kept only
-- as a keyed hash; rows older than two days are deleted (AddressCaps#purge).
create table address_day (
    address_hash bytea not null,
    day          date  not null,
    messages     int   not null,
    primary key (address_hash, day)
);
