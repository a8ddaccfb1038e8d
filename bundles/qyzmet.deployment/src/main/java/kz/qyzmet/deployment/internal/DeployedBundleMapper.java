package kz.qyzmet.deployment.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

interface DeployedBundleMapper {
    String SUMMARY = "SELECT symbolic_name, version, sha256, source, signer, deployed_at, deployed_by, removed_at, removed_by"
            + " FROM deploy_bundle";

    /** What every node must run (or no longer run): without the content, which is read only when a node needs it. */
    @Select(SUMMARY + " ORDER BY symbolic_name")
    List<DeployedBundleRow> all();

    @Select(SUMMARY + " WHERE symbolic_name = #{name} FOR UPDATE")
    DeployedBundleRow lock(@Param("name") String symbolicName);

    /** The row with its content (a byte[] result would be read by MyBatis as many rows of one byte each). */
    @Select("SELECT symbolic_name, version, sha256, content, source, signer, deployed_at, deployed_by, removed_at, removed_by"
            + " FROM deploy_bundle WHERE symbolic_name = #{name} AND sha256 = #{sha256}")
    DeployedBundleRow withContent(@Param("name") String symbolicName, @Param("sha256") String sha256);

    @Insert("INSERT INTO deploy_bundle (symbolic_name, version, sha256, content, source, signer, deployed_at, deployed_by)"
            + " VALUES (#{symbolicName}, #{version}, #{sha256}, #{content}, #{source}, #{signer}, #{deployedAt}, #{deployedBy})")
    void insert(DeployedBundleRow row);

    @Update("UPDATE deploy_bundle SET version = #{version}, sha256 = #{sha256}, content = #{content}, source = #{source},"
            + " signer = #{signer}, deployed_at = #{deployedAt}, deployed_by = #{deployedBy}, removed_at = NULL, removed_by = NULL"
            + " WHERE symbolic_name = #{symbolicName}")
    void replace(DeployedBundleRow row);

    @Update("UPDATE deploy_bundle SET removed_at = #{at}, removed_by = #{by} WHERE symbolic_name = #{name} AND removed_at IS NULL")
    int remove(@Param("name") String symbolicName, @Param("at") LocalDateTime at, @Param("by") String by);
}
