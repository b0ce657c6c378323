package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.people.ConsoleAuthentication.SignedIn;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the console keeps in the HTTP session travels between instances through the data grid (Java serialization):
 * the signed-in caller and every view-scoped bean, with all it holds. A field that cannot be serialized would make
 * the session fail to replicate, so the console would work on one instance only.
 */
class SessionReplicationTest {
    @Test
    void theSignedInCallerSurvivesSerialization() throws IOException, ClassNotFoundException {
        SignedIn signedIn = new SignedIn("admin@example.test", Set.of("ENTERPRISE_ADMIN"));

        assertEquals(signedIn, roundTrip(signedIn));
    }

    @Test
    void everySessionHeldBeanHoldsOnlySerializableState() {
        List<String> problems = new ArrayList<>();
        int beans = 0;
        for (JavaClass imported : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.rollcall.console")) {
            Class<?> bean = imported.reflect();
            if (!bean.isAnnotationPresent(ViewScoped.class) && !bean.isAnnotationPresent(SessionScoped.class)) {
                continue;
            }
            beans++;
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Field field : bean.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.isAnnotationPresent(Inject.class) && Modifier.isTransient(modifiers)) {
                    // Weld's proxies serialize and reconnect; a transient one comes back null on the other instance.
                    problems.add(bean.getSimpleName() + "." + field.getName() + " is injected but transient");
                }
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                if (!serializable(field.getGenericType(), new java.util.HashSet<>())) {
                    problems.add(bean.getSimpleName() + "." + field.getName() + " (" + field.getGenericType().getTypeName() + ")");
                }
            }
        }
        assertTrue(beans > 10, "found the console's view-scoped beans (" + beans + ")");
        assertEquals(List.of(), problems, "session-held state that cannot be replicated");
    }

    /**
     * Primitives, Serializable classes, and java.util collection interfaces of serializable elements; Rollcall's own
     * classes (the views and records a bean holds) only when everything they hold is serializable too.
     */
    private static boolean serializable(Type type, Set<Class<?>> seen) {
        if (type instanceof Class<?> c) {
            if (c.isPrimitive() || c.isEnum() || (c.isInterface() && c.getPackageName().equals("java.util"))) {
                return true;
            }
            if (!Serializable.class.isAssignableFrom(c)) {
                return false;
            }
            if (!c.getName().startsWith("com.rollcall.") || !seen.add(c)) {
                return true;
            }
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                        && !field.isAnnotationPresent(Inject.class) && !serializable(field.getGenericType(), seen)) {
                    return false;
                }
            }
            return true;
        }
        if (type instanceof ParameterizedType p) {
            if (!serializable(p.getRawType(), seen)) {
                return false;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (!serializable(argument, seen)) {
                    return false;
                }
            }
            return true;
        }
        return true;
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
