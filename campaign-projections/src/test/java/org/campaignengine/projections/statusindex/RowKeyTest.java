package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RowKeyTest {

    @Test
    void rowKeysOrderAsTheIdsTextDoes() {
        List<String> ids = new ArrayList<>(List.of("00000000-0000-0000-0000-000000000001",
                "7fffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-fffffffffffe", "0a9e1c2b-3d4f-4a5b-8c6d-7e8f90a1b2c3"));
        for (int i = 0; i < 200; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<String> byText = ids.stream().sorted().toList();
        // unsigned byte order, as PostgreSQL and H2 compare a UUID column
        Comparator<UUID> asStored = Comparator.comparing((UUID u) -> u.getMostSignificantBits(), Long::compareUnsigned)
                .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
        List<String> byKey = ids.stream().sorted(Comparator.comparing(SortKeys::rowKey, asStored)).toList();

        assertThat(byKey).isEqualTo(byText);
        assertThat(SortKeys.rowKey(ids.get(1))).isEqualTo(UUID.fromString(ids.get(1)));
    }

    @Test
    void anIdThatIsNoUuidGetsAFixedDerivedKey() {
        assertThat(SortKeys.rowKey("campaign-7")).isEqualTo(SortKeys.rowKey("campaign-7"))
                .isNotEqualTo(SortKeys.rowKey("campaign-8"));
        assertThat(SortKeys.rowKey("ABCDEF00-0000-0000-0000-000000000000"))
                .isNotEqualTo(UUID.fromString("abcdef00-0000-0000-0000-000000000000"));
    }
}
