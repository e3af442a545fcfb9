package dev.fraudscore.support.proto;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rule between a domain enum and its proto twin. buf's lint (ENUM_VALUE_PREFIX) prefixes every
 * proto enum value with its enum's name in UPPER_SNAKE_CASE, because proto enum values share one scope per
 * package: the domain's {@code ECOMMERCE} is {@code Channel.CHANNEL_ECOMMERCE}. The zero value
 * ({@code CHANNEL_UNSPECIFIED}) and {@code UNRECOGNIZED} have no domain twin.
 */
final class ProtoEnumNames {

    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");
    /** Per proto enum class, computed once: the mapping runs on every request. */
    private static final ClassValue<String> PREFIXES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> protoType) {
            String enumName = ((ProtocolMessageEnum) protoType.getEnumConstants()[0]).getDescriptorForType().getName();
            return WORD_START.matcher(enumName).replaceAll("$1_$2").toUpperCase(Locale.ROOT) + "_";
        }
    };

    private ProtoEnumNames() {
    }

    /** The proto value named after a domain value; an IllegalArgumentException when the contract lacks it. */
    static <P extends Enum<P> & ProtocolMessageEnum> P toProto(Class<P> protoType, Enum<?> value) {
        return twin(protoType, value).orElseThrow(() -> new IllegalArgumentException("The proto enum "
                + protoType.getSimpleName() + " has no value " + prefix(protoType) + value.name() + " for "
                + value.getDeclaringClass().getSimpleName() + "." + value.name() + "."));
    }

    /** The proto value named after a domain value; empty when the contract lacks it. */
    static <P extends Enum<P> & ProtocolMessageEnum> Optional<P> twin(Class<P> protoType, Enum<?> value) {
        return byName(protoType, prefix(protoType) + value.name());
    }

    /** The domain value a proto value is named after; empty for the zero value, UNRECOGNIZED or a newer value. */
    static <D extends Enum<D>, P extends Enum<P> & ProtocolMessageEnum> Optional<D> toDomain(Class<D> domainType,
                                                                                         P value) {
        String prefix = prefix(value.getDeclaringClass());
        return value.name().startsWith(prefix)
                ? byName(domainType, value.name().substring(prefix.length()))
                : Optional.empty();
    }

    /** {@code VersionState} → {@code VERSION_STATE_}, from the name of the enum in its proto descriptor. */
    static <P extends Enum<P> & ProtocolMessageEnum> String prefix(Class<P> protoType) {
        return PREFIXES.get(protoType);
    }

    private static <E extends Enum<E>> Optional<E> byName(Class<E> type, String name) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
