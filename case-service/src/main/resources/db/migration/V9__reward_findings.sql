-- What the reviewer found about a report's reporter (natural person, insider, exclusions), kept also when the
-- finding bars the reward: the first-reporter rule must know that an earlier report is not valid.
create table reward_finding (
    case_id        uuid primary key references case_file (id),
    natural_person boolean      not null,
    insider        boolean      not null,
    exclusions     varchar(200) not null default '',
    found_by       varchar(100) not null,
    found_at       timestamptz  not null
);
