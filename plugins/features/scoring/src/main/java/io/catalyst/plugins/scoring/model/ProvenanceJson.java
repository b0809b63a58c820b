package io.catalyst.plugins.scoring.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.FlatMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ListMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.MapMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.SimpleMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * Writes OLCUT's marshalled provenance as JSON, in the shape of OLCUT's own JSON provenance serialiser, which is
 * not on this module's class path (olcut-config-json).
 */
final class ProvenanceJson {

    private ProvenanceJson() {
    }

    static String of(ObjectProvenance provenance) {
        List<Object> objects = new ArrayList<>();
        for (ObjectMarshalledProvenance o : ProvenanceUtil.marshalProvenance(provenance)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("marshalled-class", o.getClass().getName());
            m.put("object-name", o.getName());
            m.put("object-class-name", o.getObjectClassName());
            m.put("provenance-class", o.getProvenanceClassName());
            Map<String, Object> map = new LinkedHashMap<>();
            o.getMap().forEach((key, value) -> map.put(key, flat(value)));
            m.put("map", map);
            objects.add(m);
        }
        return Json.write(objects);
    }

    private static Object flat(FlatMarshalledProvenance value) {
        if (value instanceof SimpleMarshalledProvenance s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.getKey());
            m.put("value", s.getValue());
            m.put("provenance-class", s.getProvenanceClassName());
            m.put("additional", s.getAdditional());
            m.put("is-reference", s.isReference());
            return m;
        }
        if (value instanceof ListMarshalledProvenance list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(flat(item)));
            return out;
        }
        if (value instanceof MapMarshalledProvenance map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Pair<String, FlatMarshalledProvenance> pair : map) {
                out.put(pair.getA(), flat(pair.getB()));
            }
            return out;
        }
        return String.valueOf(value);
    }
}
