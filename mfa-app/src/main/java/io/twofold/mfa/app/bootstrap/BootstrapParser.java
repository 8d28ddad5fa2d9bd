package io.twofold.mfa.app.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads and checks a bootstrap file. Every problem is reported with the path of the member at
 * fault ({@code clients[1].client_secret}) and never with the value, which may be a secret.
 */
public final class BootstrapParser {
    private static final Set<String> TOP = Set.of("tenant", "clients", "users", "resource_servers", "client_grants");
    private static final Set<String> TENANT = Set.of("friendly_name");
    private static final long MAX_BYTES = 1 << 20;

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final String defaultRealm;

    /** {@code defaultRealm} is the realm of users whose entry names none. */
    public BootstrapParser(String defaultRealm) {
        this.defaultRealm = defaultRealm;
    }

    public BootstrapFile parse(Path file) {
        JsonNode root = read(file);
        Members top = Members.of(root, "the file", TOP);
        Option<String> tenantName = top.optionalObject("tenant").map(tenant -> {
            Members members = Members.of(tenant, "tenant", TENANT);
            return members.optionalText("friendly_name", 1, 100);
        }).flatMap(name -> name);
        List<BootstrapFile.ClientEntry> clients = top.optionalArray("clients")
                .map(array -> List.ofAll(array).zipWithIndex()
                        .map(entry -> BootstrapEntries.client(entry._1, "clients[" + entry._2 + "]")))
                .getOrElse(List.empty());
        List<BootstrapFile.UserEntry> users = top.optionalArray("users")
                .map(array -> List.ofAll(array).zipWithIndex()
                        .map(entry -> BootstrapEntries.user(entry._1, "users[" + entry._2 + "]", defaultRealm)))
                .getOrElse(List.empty());
        List<BootstrapFile.ApiEntry> apis = top.optionalArray("resource_servers")
                .map(array -> List.ofAll(array).zipWithIndex()
                        .map(entry -> BootstrapEntries.resourceServer(entry._1, "resource_servers[" + entry._2 + "]")))
                .getOrElse(List.empty());
        List<BootstrapFile.GrantEntry> grants = top.optionalArray("client_grants")
                .map(array -> List.ofAll(array).zipWithIndex()
                        .map(entry -> BootstrapEntries.clientGrant(entry._1, "client_grants[" + entry._2 + "]")))
                .getOrElse(List.empty());
        requireUnique(clients.map(c -> c.client().id().value()), "clients", "client_id");
        requireUnique(apis.map(BootstrapFile.ApiEntry::identifier), "resource_servers", "identifier");
        requireUnique(grants.map(g -> g.clientId().value() + "\u0000" + g.audience()), "client_grants",
                "client_id and audience");
        requireUnique(users.map(u -> u.realm() + "\u0000" + u.username()), "users", "realm and username");
        return new BootstrapFile(tenantName, clients, users, apis, grants);
    }

    private JsonNode read(Path file) {
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw problem(file, "is not a readable file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw problem(file, "is larger than 1 MiB");
            }
            JsonNode root = mapper.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw problem(file, "must hold a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's message can quote the text around the error, which may be a secret: keep only the position.
            throw problem(file, "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void requireUnique(List<String> keys, String list, String what) {
        if (keys.distinct().size() != keys.size()) {
            throw new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: two " + list + " have the same " + what);
        }
    }

    private static InvalidConfigurationException problem(Path file, String what) {
        return new InvalidConfigurationException("MFA_BOOTSTRAP_FILE " + file + " " + what);
    }
}
