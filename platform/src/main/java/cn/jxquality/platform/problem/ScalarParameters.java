package cn.jxquality.platform.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query, path, header and form parameters of the scalar types the services take. JAX-RS answers a value it cannot
 * convert with a bare 404 (query and path) or 400 (others) that names nothing; here it is a 400 problem naming the
 * parameter and what it must be, in every service. Enums are {@link EnumParameters}' part.
 */
@Provider
public class ScalarParameters implements ParamConverterProvider {

    private record Kind(Function<String, Object> parse, String expected) {}

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            int.class, new Kind(Integer::valueOf, "must be a whole number"),
            Integer.class, new Kind(Integer::valueOf, "must be a whole number"),
            long.class, new Kind(Long::valueOf, "must be a whole number"),
            Long.class, new Kind(Long::valueOf, "must be a whole number"),
            UUID.class, new Kind(UUID::fromString, "must be a UUID such as 3f2b8c1e-5d4a-4e7b-9c2d-1a0b3c4d5e6f"),
            LocalDate.class, new Kind(LocalDate::parse, "must be a date such as 2026-11-25"),
            boolean.class, new Kind(ScalarParameters::bool, "must be true or false"),
            Boolean.class, new Kind(ScalarParameters::bool, "must be true or false"));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Kind kind = KINDS.get(rawType);
        if (kind == null) {
            return null;
        }
        return (ParamConverter<T>) new Converter(kind, parameterName(annotations), rawType.isPrimitive());
    }

    /** The name the client used: the value of the parameter's {@code @QueryParam}, {@code @PathParam}, …. */
    static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof FormParam form) {
                return form.value();
            }
            if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return "parameter";
    }

    private static Boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private record Converter(Kind kind, String name, boolean primitive) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null || (value.isEmpty() && !primitive)) {
                return null;
            }
            try {
                return kind.parse().apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw ProblemException.invalid(name, kind.expected());
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
