package ru.rosobr.assistant.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import ru.rosobr.assistant.contracts.Topic;
import ru.rosobr.assistant.contracts.Topics;
import ru.rosobr.assistant.platform.messaging.EventSubscription;

/**
 * The topics a service subscribes to ({@code EventSubscription.on/onBatch(Topics.X, …)} in its code) are exactly
 * the topics the registry lists it as a reader of, so the registry's readers (and the README table generated from
 * them) tell the truth. Call from one test per service.
 */
public final class TopicSubscriptions {

    private static final String SUBSCRIPTION = Type.getInternalName(EventSubscription.class);
    private static final String TOPICS = Type.getInternalName(Topics.class);
    private static final String TOPIC = Type.getDescriptor(Topic.class);

    private TopicSubscriptions() {
    }

    public static void verify(String servicePackage, String service) {
        check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage), service);
    }

    static void check(JavaClasses classes, String service) {
        Set<String> subscribed = subscribedTopics(classes);
        Set<String> registered = Topics.readBy(service).stream().map(Topic::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!subscribed.equals(registered)) {
            throw new AssertionError(service + " subscribes to " + subscribed + ", but the registry (Topics) lists it"
                    + " as a reader of " + registered);
        }
    }

    static Set<String> subscribedTopics(JavaClasses classes) {
        Set<String> topics = new TreeSet<>();
        for (JavaClass c : classes) {
            for (String field : subscribedFields(c)) {
                try {
                    topics.add(((Topic<?>) Topics.class.getField(field).get(null)).name());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    /**
     * The registry fields passed to {@code EventSubscription.on/onBatch}, read from the bytecode: the topic argument
     * is the one registry field read since the previous call (handler lambdas are methods of their own).
     */
    private static List<String> subscribedFields(JavaClass c) {
        List<String> fields = new ArrayList<>();
        try (InputStream in = c.reflect().getClassLoader()
                .getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        private final List<String> read = new ArrayList<>();

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String name, String fieldDescriptor) {
                            if (opcode == Opcodes.GETSTATIC && owner.equals(TOPICS) && fieldDescriptor.equals(TOPIC)) {
                                read.add(name);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String callDescriptor,
                                                    boolean isInterface) {
                            if (owner.equals(SUBSCRIPTION) && (name.equals("on") || name.equals("onBatch"))) {
                                if (read.size() != 1) {
                                    throw new AssertionError("cannot tell the topic of a subscription in "
                                            + c.getName() + "." + method + ": pass Topics.X directly");
                                }
                                fields.add(read.getFirst());
                                read.clear();
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }
}
