package kz.qyzmet.deployment.internal;

import java.time.LocalDateTime;

/** A row of {@code deploy_bundle}. */
public class DeployedBundleRow {
    public String symbolicName;
    public String version;
    public String sha256;
    public byte[] content;
    public String source;
    public String signer;
    public LocalDateTime deployedAt;
    public String deployedBy;
    public LocalDateTime removedAt;
    public String removedBy;
}
