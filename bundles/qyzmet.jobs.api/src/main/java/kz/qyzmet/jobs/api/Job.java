package kz.qyzmet.jobs.api;

import java.util.Map;

/**
 * A job a worker runs.
 *
 * @param attempt 1 for the first run; more when a node died while running it before
 */
public record Job(String id, String kind, String subject, Map<String, Object> parameters, int attempt) {
}
