-- Migration 3 was renamed (and its first comment reworded) after databases had applied it: such a database records
-- the new name and checksum once, so that validation accepts it; a new database has no history table yet.
do $$
begin
  if to_regclass('flyway_schema_history') is not null then
    update flyway_schema_history set description = 'console deadline rating control', checksum = 1043322323
     where version = '3' and description = 'console issue5' and checksum = 84453350;
  end if;
end $$;
