package kz.qyzmet.audit.internal;

/** The single row of {@code audit_chain_head}. */
public class ChainHead {
    public long lastSequence;
    public String lastHash;
}
