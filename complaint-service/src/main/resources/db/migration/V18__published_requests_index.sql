-- Open311's public reads (issue 20): anyone may list the requests whose citizens consented to publish them, newest
-- first. Without this index such a list walks every newer complaint without the consent. Partial, so a complaint
-- without the consent (most of them) costs intake nothing more.
create index complaint_published_idx on complaint (received_at desc) where consent_publish;
