package io.twofold.mfa.http.management.factors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.http.management.ManagementError;
import io.twofold.mfa.port.in.operator.FactorChange;
import io.twofold.mfa.port.in.operator.FactorRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Reads the bodies of the {@code authentication-methods} writes; a member of the wrong JSON type is a 400. */
final class FactorBodies {

    private FactorBodies() {
    }

    /** One {@code authentication-methods} object (POST, or an element of PUT's array). */
    static Either<ManagementError, FactorRequest> request(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return Either.left(ManagementError.badRequest(
                    "Payload validation error: 'Expected type object but found type " + typeName(node) + "'."));
        }
        return text(object, "type").flatMap(type -> text(object, "name").flatMap(name -> text(object, "totp_secret")
                .flatMap(secret -> text(object, "phone_number").flatMap(phone -> text(object, "email")
                        .flatMap(email -> text(object, "preferred_authentication_method")
                                .map(preferred -> new FactorRequest(type, name, secret, phone, email, preferred)))))));
    }

    /** PUT's array of objects. */
    static Either<ManagementError, List<FactorRequest>> requests(ArrayNode array) {
        return Either.sequenceRight(List.ofAll(array).map(FactorBodies::request)).map(List::ofAll);
    }

    /** PATCH's object: {@code name}, {@code preferred_authentication_method}. */
    static Either<ManagementError, FactorChange> change(ObjectNode object) {
        return text(object, "name").flatMap(name -> text(object, "preferred_authentication_method")
                .map(preferred -> new FactorChange(name, preferred)));
    }

    private static Either<ManagementError, Option<String>> text(ObjectNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return Either.right(Option.none());
        }
        if (!value.isTextual()) {
            return Either.left(ManagementError.badRequest("Payload validation error: 'Expected type string but found type "
                    + typeName(value) + "' on property " + member + "."));
        }
        return Either.right(Option.some(value.textValue()));
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
