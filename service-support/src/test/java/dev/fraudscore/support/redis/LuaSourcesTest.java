package dev.fraudscore.support.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuaSourcesTest {

    @Test
    void joinsThePiecesInOrder() {
        assertThat(LuaSources.joined("lua/shared.lua", "lua/main.lua"))
                .isEqualTo("-- a\nlocal function a() return 1 end\n\nreturn a()\n");
    }

    @Test
    void namesAPieceThatIsNotOnTheClasspath() {
        assertThatThrownBy(() -> LuaSources.joined("lua/shared.lua", "lua/missing.lua"))
                .hasMessage("The script lua/missing.lua is not on the classpath.");
    }
}
