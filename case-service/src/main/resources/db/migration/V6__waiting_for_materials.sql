-- The clocks pause while a department waits for the citizen's materials (补正材料).

alter table case_file add column waiting_for_materials_since timestamptz;
alter table deadline_clock add column paused_at timestamptz;
