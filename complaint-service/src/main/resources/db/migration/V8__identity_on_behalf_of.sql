-- A service reading an identity for a person (case-service for a reward officer) names that person too.
alter table identity_access_audit add column on_behalf_of varchar(100);
