package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Finds, in a class's bytecode, the references to types of other modules that those modules do not publish (see
 * {@link PublishedTypes}): in its header, annotations, fields, method signatures and code. A constant that javac
 * inlines (a {@code static final} primitive or {@code String} initialised with a constant) leaves no reference.
 */
final class ModuleBoundaryScanner {

    private static final String INJECT = "Ljakarta/inject/Inject;";

    private final ReceivingModules modules;
    private final Set<String> published;
    /** module of each package, by its internal name ({@code com/acme/user}); empty when shared */
    private final Map<String, Optional<String>> moduleOfPackage = new HashMap<>();

    ModuleBoundaryScanner(ReceivingModules modules, Set<String> published) {
        this.modules = modules;
        this.published = published;
    }

    /**
     * @param internalName a class's internal name, such as {@code com/acme/user/UserDirectory}
     * @return the module the class belongs to, {@code null} when it is shared
     */
    String moduleOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String packageName = slash < 0 ? "" : internalName.substring(0, slash);
        return moduleOfPackage.computeIfAbsent(packageName,
                name -> Optional.ofNullable(modules.memberOf(name.replace('/', '.')))).orElse(null);
    }

    /**
     * @param module the module of the class
     * @return the references to unpublished types of other modules, the first one of each type
     */
    List<BoundaryCrossing> scan(byte[] classFile, String module) {
        CrossingCollector collector = new CrossingCollector(module);
        new ClassReader(classFile).accept(collector, ClassReader.SKIP_FRAMES);
        return new ArrayList<>(collector.crossings.values());
    }

    private final class CrossingCollector extends ClassVisitor {

        private final String module;
        private final Map<String, BoundaryCrossing> crossings = new LinkedHashMap<>();
        private String className;
        private String member;
        private int line = -1;

        CrossingCollector(String module) {
            super(Opcodes.ASM9);
            this.module = module;
        }

        /**
         * Records a reference to a type, given by its internal name or as an array descriptor.
         */
        void reference(String typeName, String how) {
            reference(typeName, () -> how);
        }

        /**
         * @param how what the reference does, only built for a crossing: most references cross no boundary
         */
        void reference(String typeName, Supplier<String> how) {
            String internalName = typeName.startsWith("[") ? Type.getType(typeName).getElementType().getInternalName()
                    : typeName;
            if (internalName.length() == 1 || crossings.containsKey(internalName)) {
                return;
            }
            String typeModule = moduleOf(internalName);
            if (typeModule == null || typeModule.equals(module)) {
                return;
            }
            String type = internalName.replace('/', '.');
            if (!published.contains(type)) {
                crossings.put(internalName,
                        new BoundaryCrossing(className, module, member, line, how.get(), type, typeModule));
            }
        }

        /**
         * Records every class that a descriptor or a generic signature names.
         */
        void signature(String signature, boolean singleType, String how) {
            signature(signature, singleType, () -> how);
        }

        void signature(String signature, boolean singleType, Supplier<String> how) {
            // a descriptor without 'L' names no class
            if (signature == null || signature.indexOf('L') < 0) {
                return;
            }
            SignatureReader reader = new SignatureReader(signature);
            TypeNames names = new TypeNames(name -> reference(name, how));
            if (singleType) {
                reader.acceptType(names);
            } else {
                reader.accept(names);
            }
        }

        void constant(Object value, String how) {
            if (value instanceof Type type) {
                if (type.getSort() == Type.METHOD) {
                    signature(type.getDescriptor(), false, how);
                } else if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                    reference(type.getInternalName(), how);
                }
            } else if (value instanceof Handle handle) {
                reference(handle.getOwner(),
                        () -> "refers to " + simpleName(handle.getOwner()) + "#" + handle.getName());
                signature(handle.getDesc(), handle.getTag() <= Opcodes.H_PUTSTATIC, how);
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name.replace('/', '.');
            member = "class: " + className;
            if (superName != null) {
                reference(superName, "extends it");
            }
            for (String implemented : interfaces) {
                reference(implemented, "implements it");
            }
            signature(signature, false, "names it in the class's type parameters");
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        AnnotationVisitor annotation(String descriptor) {
            reference(Type.getType(descriptor).getInternalName(), "is annotated with it");
            return new AnnotationValues();
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            member = "field: " + className + "#" + name;
            line = -1;
            return new FieldVisitor(Opcodes.ASM9) {
                private boolean injected;

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    injected |= annotation.equals(INJECT);
                    return annotation(annotation);
                }

                @Override
                public void visitEnd() {
                    signature(signature == null ? descriptor : signature, true,
                            injected ? "injection point of its type" : "field of its type");
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            member = "method: " + className + "#" + SendSiteScanner.sourceMethodName(name);
            line = -1;
            if (exceptions != null) {
                for (String exception : exceptions) {
                    reference(exception, "throws it");
                }
            }
            return new CodeReferences(signature == null ? descriptor : signature);
        }

        private final class CodeReferences extends MethodVisitor {

            private final String signature;
            private boolean injected;
            private boolean signatureSeen;

            CodeReferences(String signature) {
                super(Opcodes.ASM9);
                this.signature = signature;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                injected |= descriptor.equals(INJECT);
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitAnnotationDefault() {
                return new AnnotationValues();
            }

            /** called before the code, after the annotations, which tell whether the parameters are injected */
            private void visitSignature() {
                if (!signatureSeen) {
                    signatureSeen = true;
                    CrossingCollector.this.signature(signature, false,
                            injected ? "injection point of its type" : "names it in its signature");
                }
            }

            @Override
            public void visitCode() {
                visitSignature();
            }

            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                line = lineNumber;
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                reference(type, switch (opcode) {
                    case Opcodes.NEW -> "creates an instance";
                    case Opcodes.ANEWARRAY -> "creates an array of it";
                    case Opcodes.CHECKCAST -> "casts to it";
                    default -> "tests instanceof";
                });
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                Supplier<String> field = () -> simpleName(owner) + "#" + name;
                boolean reads = opcode == Opcodes.GETSTATIC || opcode == Opcodes.GETFIELD;
                reference(owner, () -> (reads ? "reads " : "writes ") + field.get());
                CrossingCollector.this.signature(descriptor, true,
                        () -> "reads or writes " + field.get() + " of its type");
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                    boolean isInterface) {
                reference(owner, () -> "calls " + simpleName(owner) + "#" + name);
                CrossingCollector.this.signature(descriptor, false,
                        () -> "calls " + simpleName(owner) + "#" + name + ", which names it");
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                for (Object argument : arguments) {
                    constant(argument, "names it in a lambda or method reference");
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                constant(value, "class literal");
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                reference(descriptor, "creates an array of it");
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    reference(type, "catches it");
                }
            }

            @Override
            public void visitEnd() {
                visitSignature();
            }
        }

        /**
         * The values of an annotation: class literals, enum constants and nested annotations.
         */
        private final class AnnotationValues extends AnnotationVisitor {

            AnnotationValues() {
                super(Opcodes.ASM9);
            }

            @Override
            public void visit(String name, Object value) {
                if (value instanceof Type type) {
                    reference(type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName(),
                            "class literal in an annotation value");
                }
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                reference(Type.getType(descriptor).getInternalName(),
                        () -> "enum constant " + value + " in an annotation value");
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                return annotation(descriptor);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        }
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /**
     * The classes a signature names; a nested class of a generic class reads as {@code com/acme/Outer$Inner}.
     */
    private static final class TypeNames extends SignatureVisitor {

        private final Consumer<String> sink;
        private final Deque<String> classTypes = new ArrayDeque<>();

        TypeNames(Consumer<String> sink) {
            super(Opcodes.ASM9);
            this.sink = sink;
        }

        @Override
        public void visitClassType(String name) {
            classTypes.push(name);
            sink.accept(name);
        }

        @Override
        public void visitInnerClassType(String name) {
            String nested = classTypes.pop() + "$" + name;
            classTypes.push(nested);
            sink.accept(nested);
        }

        @Override
        public void visitEnd() {
            classTypes.pop();
        }
    }
}
