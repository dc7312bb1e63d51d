package io.supportkit.routing.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The task table behaves as a map from id to record under any sequence of puts and removes. */
class TaskTableProperties {

    /**
     * Each int is one operation on one of a few ids: put (a fresh record) or remove. Ids are built as new strings
     * each time, so lookups compare by content, not identity; the few ids keep probe runs and backward shifts
     * frequent, and the table grows several times on the way.
     */
    @Property(tries = 300)
    void shouldAgreeWithAMapAfterAnyPutsAndRemoves(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 199) Integer> operations) {
        TaskTable table = new TaskTable();
        Map<String, TaskRecord> model = new HashMap<>();
        for (int op : operations) {
            String id = new String("task-" + (op / 2));
            if (op % 2 == 0) {
                TaskRecord t = new TaskRecord();
                table.put(id, t);
                model.put(id, t);
            } else {
                table.remove(id);
                model.remove(id);
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        for (int k = 0; k < 100; k++) {
            String id = new String("task-" + k);
            assertThat(table.get(id)).isSameAs(model.get(id));
            assertThat(table.containsKey(id)).isEqualTo(model.containsKey(id));
        }
        assertThat(table.values()).containsExactlyInAnyOrderElementsOf(model.values());
    }

    /** The submit path: find, then store an absent id at the slot found (the table growing on the way). */
    @Property(tries = 300)
    void shouldAgreeWithAMapWhenAbsentIdsAreStoredWhereFindPointed(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 199) Integer> operations) {
        TaskTable table = new TaskTable();
        Map<String, TaskRecord> model = new HashMap<>();
        for (int op : operations) {
            String id = new String("task-" + (op / 2));
            int found = table.find(id);
            assertThat(found >= 0).isEqualTo(model.containsKey(id));
            if (op % 2 == 0 && found < 0) {
                TaskRecord t = new TaskRecord();
                table.putAbsent(found, id, t);
                model.put(id, t);
            } else if (op % 2 == 1) {
                table.remove(id);
                model.remove(id);
            }
            assertThat(table.size()).isEqualTo(model.size());
        }
        for (int k = 0; k < 100; k++) {
            String id = new String("task-" + k);
            assertThat(table.get(id)).isSameAs(model.get(id));
        }
    }

    @Property(tries = 50)
    void shouldTellIdsApartWhenTheirHashesCollide(@ForAll @IntRange(min = 2, max = 40) int count) {
        // "Aa" and "BB" have the same String hash, so every id below has the same hash: one long probe run
        TaskTable table = new TaskTable();
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                s.append(((i >> bit) & 1) == 0 ? "Aa" : "BB");
            }
            ids[i] = s.toString();
            table.put(ids[i], new TaskRecord());
        }
        for (int i = 0; i < count; i += 2) {
            table.remove(ids[i]);
        }
        for (int i = 0; i < count; i++) {
            assertThat(table.containsKey(new String(ids[i]))).isEqualTo(i % 2 == 1);
        }
    }

    @Property(tries = 20)
    void shouldNeverStoreAHashThatMarksAnEmptySlot(@ForAll int hash) {
        assertThat(TaskTable.mix(hash)).isNotZero();
    }
}
