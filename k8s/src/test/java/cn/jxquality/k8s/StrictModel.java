package cn.jxquality.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an object into a generated model class (Fabric8's Kubernetes model, Strimzi's) and reports what the model does
 * not know. The models keep unknown fields in {@code additionalProperties} instead of failing, so the whole object
 * graph is walked and every non-empty {@code additionalProperties} is a misspelt or invented field; and a value the
 * model dropped (an enum constant it does not know reads as null) shows when the model is written back. Scalars are
 * not coerced: {@code replicas: "3"} fails as the API server would refuse it.
 */
final class StrictModel {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Writes every property back, defaults included (the models leave defaults out), to compare with the input. */
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
                    return JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
                }
            })
            .build();

    private StrictModel() {}

    /** The problems of {@code object} read as {@code type}: none when the model knows every field, with its type. */
    static List<String> problems(JsonNode object, Class<?> type) {
        Object model;
        try {
            model = MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        List<String> unknown = new ArrayList<>();
        walk(model, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        dropped(object, WRITER.valueToTree(model), "", unknown);
        return unknown;
    }

    private static void dropped(JsonNode given, JsonNode read, String path, List<String> problems) {
        if (given.isObject()) {
            given.properties().forEach(field -> {
                JsonNode value = read.path(field.getKey());
                if (!field.getValue().isNull() && (value.isMissingNode() || value.isNull())) {
                    problems.add("value not understood at " + path + "." + field.getKey() + ": " + field.getValue());
                } else {
                    dropped(field.getValue(), value, path + "." + field.getKey(), problems);
                }
            });
        } else if (given.isArray()) {
            for (int i = 0; i < given.size(); i++) {
                JsonNode value = read.path(i);
                if (!given.get(i).isNull() && (value.isMissingNode() || value.isNull())) {
                    problems.add("value not understood at " + path + "[" + i + "]: " + given.get(i));
                } else {
                    dropped(given.get(i), value, path + "[" + i + "]", problems);
                }
            }
        }
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !isModel(value.getClass()) || !seen.add(value)) {
            if (value instanceof Collection<?> list) {
                int i = 0;
                for (Object item : list) {
                    walk(item, path + "[" + i++ + "]", unknown, seen);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> walk(item, path + "." + key, unknown, seen));
            }
            return;
        }
        for (Class<?> type = value.getClass(); type != null && isModel(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add("unknown field " + path + "." + key));
                } else {
                    walk(fieldValue, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model")
                || name.equals("io.fabric8.kubernetes.client.CustomResource")
                || name.startsWith("io.strimzi.api");
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
