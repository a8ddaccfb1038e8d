package kz.qyzmet.clients.api;

import java.util.List;

/** A page of search results and how many clients match in all. */
public record ClientPage(List<Client> clients, long total) {
}
