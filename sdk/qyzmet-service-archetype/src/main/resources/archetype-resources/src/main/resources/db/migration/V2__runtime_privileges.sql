-- What the platform's runtime account may do with the table: add and read, never change (§45).
GRANT SELECT, INSERT ON ${schema}_done TO qyzmet_runtime;
