package kz.qyzmet.provisioning.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

interface RuntimeFeatureMapper {
    @Select("SELECT name, installed_at, installed_by, removed_at, removed_by FROM provisioning_feature ORDER BY name")
    List<RuntimeFeatureRow> all();

    @Insert("INSERT INTO provisioning_feature (name, installed_at, installed_by) VALUES (#{name}, #{at}, #{by})"
            + " ON DUPLICATE KEY UPDATE installed_at = #{at}, installed_by = #{by}, removed_at = NULL, removed_by = NULL")
    void installed(@Param("name") String name, @Param("at") LocalDateTime at, @Param("by") String by);

    @Update("UPDATE provisioning_feature SET removed_at = #{at}, removed_by = #{by} WHERE name = #{name} AND removed_at IS NULL")
    int removed(@Param("name") String name, @Param("at") LocalDateTime at, @Param("by") String by);
}
