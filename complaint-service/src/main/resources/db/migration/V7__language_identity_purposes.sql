-- The citizen's language (zh-CN or en) for the notices notify-service sends; older rows were all zh-CN.
alter table complaint add column language varchar(5) not null default 'zh-CN';
