package io.quarkiverse.moduleevents.deployment;

import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.SendSite.EmitterMethod;

/**
 * Finds the calls of emitters in a class's bytecode: which emitter is called, with which constant name, where.
 * <p>
 * The emitter's module is known when the call goes through a module interface ({@code UserEvents users}), or through
 * an {@code EventEmitter} read from a field or a parameter annotated {@code @EventModule}, or from a field that a
 * constructor assigns from such a parameter. Otherwise the module stays unknown, and only the name is checked. The
 * payload argument's static type is kept where the bytecode tells it ({@link StaticTypes}).
 */
final class SendSiteScanner {

    private static final String EVENT_EMITTER = Type.getInternalName(EventEmitter.class);
    private static final String EVENT_MODULE_DESCRIPTOR = Type.getDescriptor(EventModule.class);

    /** internal names of the module interfaces that extend EventEmitter, to their module */
    private final Map<String, String> moduleOfInterface;

    SendSiteScanner(Map<String, String> moduleOfInterface) {
        this.moduleOfInterface = moduleOfInterface;
    }

    /**
     * @return whether the class file may call an emitter, found cheaply from its constant pool text
     */
    boolean mayCallEmitters(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        if (text.contains(EVENT_EMITTER)) {
            return true;
        }
        for (String moduleInterface : moduleOfInterface.keySet()) {
            if (text.contains(moduleInterface)) {
                return true;
            }
        }
        return false;
    }

    List<SendSite> scan(byte[] classFile) {
        ClassNode type = new ClassNode();
        new ClassReader(classFile).accept(type, ClassReader.SKIP_FRAMES);
        Map<String, String> fieldModules = fieldModules(type);
        List<SendSite> sites = new ArrayList<>();
        for (MethodNode method : type.methods) {
            if (method.instructions.size() > 0) {
                scanMethod(type, method, fieldModules, sites);
            }
        }
        return sites;
    }

    private void scanMethod(ClassNode type, MethodNode method, Map<String, String> fieldModules,
            List<SendSite> sites) {
        Frame<SourceValue>[] frames = null;
        for (AbstractInsnNode insn : method.instructions) {
            if (!(insn instanceof MethodInsnNode call)) {
                continue;
            }
            EmitterMethod emitterMethod = emitterMethod(call);
            if (emitterMethod == null) {
                continue;
            }
            if (frames == null) {
                frames = analyze(type, method);
            }
            Frame<SourceValue> frame = frames[method.instructions.indexOf(insn)];
            if (frame == null) {
                continue;
            }
            int arguments = Type.getArgumentTypes(call.desc).length;
            String name = constantString(frame.getStack(frame.getStackSize() - arguments));
            if (name != null) {
                String module = moduleOfInterface.get(call.owner);
                if (module == null) {
                    module = emitterModule(frame.getStack(frame.getStackSize() - arguments - 1), method,
                            fieldModules, type.name);
                }
                String payloadType = emitterMethod.sends()
                        ? StaticTypes.of(frame.getStack(frame.getStackSize() - arguments + 1), method)
                        : null;
                sites.add(new SendSite(Type.getObjectType(type.name).getClassName(), sourceMethodName(method.name),
                        line(insn), module, name, emitterMethod, payloadType));
            }
        }
    }

    /**
     * @return the method as the source names it: javac compiles a lambda in {@code create} to {@code lambda$create$0}
     */
    static String sourceMethodName(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', "lambda$".length());
            if (end > "lambda$".length()) {
                return name.substring("lambda$".length(), end);
            }
        }
        return name;
    }

    /**
     * @return the emitter method the instruction calls, {@code null} when it calls none that the build checks
     */
    private EmitterMethod emitterMethod(MethodInsnNode call) {
        if (!call.desc.startsWith("(Ljava/lang/String;")
                || !(call.owner.equals(EVENT_EMITTER) || moduleOfInterface.containsKey(call.owner))) {
            return null;
        }
        return EmitterMethod.named(call.name);
    }

    private static Frame<SourceValue>[] analyze(ClassNode type, MethodNode method) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(type.name, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("Cannot analyse " + type.name + "#" + method.name, e);
        }
    }

    private static String constantString(SourceValue value) {
        if (value.insns.size() == 1 && value.insns.iterator().next() instanceof LdcInsnNode ldc
                && ldc.cst instanceof String constant) {
            return constant;
        }
        return null;
    }

    private static String emitterModule(SourceValue emitter, MethodNode method, Map<String, String> fieldModules,
            String owner) {
        if (emitter.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode source = emitter.insns.iterator().next();
        if (source instanceof FieldInsnNode field && field.owner.equals(owner)) {
            return fieldModules.get(field.name);
        }
        if (source instanceof VarInsnNode variable && variable.getOpcode() == Opcodes.ALOAD) {
            return parameterModule(method, variable.var);
        }
        return null;
    }

    /**
     * @return the module of each {@code EventEmitter} field annotated {@code @EventModule}, or assigned in a
     *         constructor from a parameter annotated so
     */
    private static Map<String, String> fieldModules(ClassNode type) {
        Map<String, String> modules = new HashMap<>();
        for (FieldNode field : type.fields) {
            String module = eventModule(field.visibleAnnotations);
            if (module != null) {
                modules.put(field.name, module);
            }
        }
        for (MethodNode method : type.methods) {
            if (method.name.equals("<init>")) {
                collectConstructorAssignments(type, method, modules);
            }
        }
        return modules;
    }

    private static void collectConstructorAssignments(ClassNode type, MethodNode constructor,
            Map<String, String> modules) {
        for (AbstractInsnNode insn : constructor.instructions) {
            if (insn instanceof FieldInsnNode field && field.getOpcode() == Opcodes.PUTFIELD
                    && field.owner.equals(type.name) && insn.getPrevious() instanceof VarInsnNode variable
                    && variable.getOpcode() == Opcodes.ALOAD) {
                String module = parameterModule(constructor, variable.var);
                if (module != null) {
                    modules.put(field.name, module);
                }
            }
        }
    }

    private static String parameterModule(MethodNode method, int localVariable) {
        int parameter = parameterIndex(method, localVariable);
        if (parameter < 0 || method.visibleParameterAnnotations == null
                || parameter >= method.visibleParameterAnnotations.length) {
            return null;
        }
        return eventModule(method.visibleParameterAnnotations[parameter]);
    }

    /**
     * @return the index of the parameter held in the local variable, -1 when it holds none
     */
    private static int parameterIndex(MethodNode method, int localVariable) {
        int slot = Modifier.isStatic(method.access) ? 0 : 1;
        Type[] parameters = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < parameters.length; i++) {
            if (slot == localVariable) {
                return i;
            }
            slot += parameters[i].getSize();
        }
        return -1;
    }

    private static String eventModule(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode annotation : annotations) {
                if (annotation.desc.equals(EVENT_MODULE_DESCRIPTOR) && annotation.values != null) {
                    return (String) annotation.values.get(1);
                }
            }
        }
        return null;
    }

    private static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode previous = insn; previous != null; previous = previous.getPrevious()) {
            if (previous instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }
}
