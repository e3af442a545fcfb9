package dev.fraudscore.postprocess.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Lets Jackson go on past an unknown key or a value of the wrong kind: each is noted where it stands and
 * bound as absent, so one read reports every problem and validation still sees the rest of the file.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private final List<PolicyProblem> problems = new ArrayList<>();

    List<PolicyProblem> problems() {
        return problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) {
        JsonPointer at = at(ctxt);
        if (!propertyName.equals(at.last() == null ? null : at.last().getMatchingProperty())) {
            at = at.appendProperty(propertyName);
        }
        problems.add(new PolicyProblem(at, "is not a known key; the keys here are "
                + join(deserializer.getKnownPropertyNames()) + "."));
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String why) {
        return wrongValue(ctxt, targetType, "'" + value + "'");
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String why) {
        return wrongValue(ctxt, targetType, "'" + ctxt.getParser().getString() + "'");
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser p,
                                        String why) {
        return wrongValue(ctxt, targetType.getRawClass(), found(token, p));
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> type, ValueInstantiator instantiator,
                                            JsonParser p, String why) {
        return wrongValue(ctxt, type, found(p.currentToken(), p));
    }

    private Object wrongValue(DeserializationContext ctxt, Class<?> type, String found) {
        problems.add(new PolicyProblem(at(ctxt), "must be " + expected(type) + ", but was " + found + "."));
        ctxt.getParser().skipChildren();
        return null;
    }

    private static JsonPointer at(DeserializationContext ctxt) {
        return ctxt.getParser().streamReadContext().pathAsPointer();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            // enums are read by toString(): Decision by name, Operator by its symbol
            return "one of " + join(List.of(type.getEnumConstants()));
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        return Collection.class.isAssignableFrom(type) ? "a list" : "a mapping of keys to values";
    }

    private static String found(JsonToken token, JsonParser p) {
        if (token == JsonToken.START_OBJECT) {
            return "a mapping";
        }
        return token == JsonToken.START_ARRAY ? "a list" : "'" + p.getString() + "'";
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
