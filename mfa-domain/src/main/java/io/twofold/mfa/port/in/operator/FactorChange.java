package io.twofold.mfa.port.in.operator;

import io.vavr.control.Option;

/** What an operator changes on a factor: its name, and for a phone the channel it is used with ({@code sms|voice}). */
public record FactorChange(Option<String> name, Option<String> preferredMethod) {
}
