-- ¶59: a new quantity / nominal value asked for with a pending ¶7 white paper change; the register's own values
-- change only when the regulator consents.
ALTER TABLE emission ADD COLUMN pending_quantity NUMERIC(78,0) CHECK (pending_quantity > 0);
ALTER TABLE emission ADD COLUMN pending_nominal_value NUMERIC(38,18) CHECK (pending_nominal_value > 0);
