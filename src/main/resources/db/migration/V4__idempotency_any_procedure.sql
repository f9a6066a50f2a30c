-- Idempotency-Key for the POST of every procedure (IdempotentRequests): the key names the procedure and the item.
alter table app_idempotency_key rename column plan_id to item_id;
alter table app_idempotency_key add column subject_type varchar(60) default 'reformPlanApproval' not null;
