package dev.fraudscore.support.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.predict.v1.VersionState;
import org.junit.jupiter.api.Test;

class ProtoEnumNamesTest {

    /** A domain enum with a value the contract has no twin for. */
    private enum Lifecycle { LOADING, READY, RETIRED }

    @Test
    void thePrefixIsTheEnumNameInUpperSnakeCase() {
        assertThat(ProtoEnumNames.prefix(Channel.class)).isEqualTo("CHANNEL_");
        assertThat(ProtoEnumNames.prefix(VersionState.class)).isEqualTo("VERSION_STATE_");
    }

    @Test
    void aDomainValueMapsToThePrefixedProtoValueAndBack() {
        assertThat(ProtoEnumNames.toProto(Channel.class, dev.fraudscore.domain.Channel.ECOMMERCE))
                .isEqualTo(Channel.CHANNEL_ECOMMERCE);
        assertThat(ProtoEnumNames.toProto(VersionState.class, Lifecycle.READY)).isEqualTo(VersionState.VERSION_STATE_READY);
        assertThat(ProtoEnumNames.toDomain(Lifecycle.class, VersionState.VERSION_STATE_LOADING)).contains(Lifecycle.LOADING);
    }

    @Test
    void theZeroValueUnrecognizedAndValuesTheDomainLacksMapToEmpty() {
        assertThat(ProtoEnumNames.toDomain(dev.fraudscore.domain.Channel.class, Channel.CHANNEL_UNSPECIFIED)).isEmpty();
        assertThat(ProtoEnumNames.toDomain(dev.fraudscore.domain.Channel.class, Channel.UNRECOGNIZED)).isEmpty();
        assertThat(ProtoEnumNames.toDomain(Lifecycle.class, VersionState.VERSION_STATE_FAILED)).isEmpty();
    }

    @Test
    void aDomainValueTheContractLacksIsRefusedWithASentence() {
        assertThat(ProtoEnumNames.twin(VersionState.class, Lifecycle.RETIRED)).isEmpty();
        assertThatThrownBy(() -> ProtoEnumNames.toProto(VersionState.class, Lifecycle.RETIRED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The proto enum VersionState has no value VERSION_STATE_RETIRED for Lifecycle.RETIRED.");
    }
}
