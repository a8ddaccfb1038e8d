-- Claim rights on an issuer's obligations are an asset kind of their own (issue #15).
ALTER TABLE ledger_asset DROP CONSTRAINT IF EXISTS ledger_asset_kind;
ALTER TABLE ledger_asset MODIFY kind VARCHAR(12) NOT NULL;
ALTER TABLE ledger_asset ADD CONSTRAINT ledger_asset_kind CHECK (kind IN ('CURRENCY', 'SECURITY', 'CLAIM_RIGHT'));
