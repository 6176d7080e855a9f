package io.quarkiverse.moduleevents.deployment;

import java.lang.reflect.Modifier;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The static type of a value on the operand stack, read from the instruction that produced it: what javac knew of the
 * argument expression. Generic types are erased, so a value of a type variable reads as {@code Object}.
 */
final class StaticTypes {

    private StaticTypes() {
    }

    /**
     * @param value the value, as the source interpreter tracked it
     * @param method the method that holds the instructions
     * @return the value's static type as a class name, {@code null} when it is an array, {@code null}, the element of
     *         an array, a local variable of a class compiled without its table of local variables, or comes from
     *         branches whose types differ
     */
    static String of(SourceValue value, MethodNode method) {
        String type = null;
        for (AbstractInsnNode source : value.insns) {
            String sourceType = typeProducedBy(source, method);
            if (sourceType == null || (type != null && !type.equals(sourceType))) {
                return null;
            }
            type = sourceType;
        }
        return type;
    }

    private static String typeProducedBy(AbstractInsnNode insn, MethodNode method) {
        if (insn.getOpcode() == Opcodes.DUP && insn.getPrevious() != null
                && insn.getPrevious().getOpcode() == Opcodes.NEW) {
            // new T(...) leaves the copy that DUP made of the new object, once the constructor took the other
            insn = insn.getPrevious();
        }
        Type type = null;
        if (insn instanceof LdcInsnNode ldc) {
            type = ldc.cst instanceof String ? Type.getType(String.class)
                    : ldc.cst instanceof Type ? Type.getType(Class.class) : null;
        } else if (insn instanceof MethodInsnNode call) {
            type = Type.getReturnType(call.desc);
        } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
            type = Type.getReturnType(dynamic.desc);
        } else if (insn instanceof FieldInsnNode field) {
            type = Type.getType(field.desc);
        } else if (insn instanceof TypeInsnNode typeInsn
                && (typeInsn.getOpcode() == Opcodes.NEW || typeInsn.getOpcode() == Opcodes.CHECKCAST)) {
            type = Type.getObjectType(typeInsn.desc);
        } else if (insn instanceof VarInsnNode variable && variable.getOpcode() == Opcodes.ALOAD) {
            type = localVariableType(method, variable);
        }
        return type != null && type.getSort() == Type.OBJECT ? type.getClassName() : null;
    }

    private static Type localVariableType(MethodNode method, VarInsnNode load) {
        if (method.localVariables != null) {
            int index = method.instructions.indexOf(load);
            for (LocalVariableNode variable : method.localVariables) {
                if (variable.index == load.var && method.instructions.indexOf(variable.start) <= index
                        && index < method.instructions.indexOf(variable.end)) {
                    return Type.getType(variable.desc);
                }
            }
        }
        return parameterType(method, load.var);
    }

    private static Type parameterType(MethodNode method, int localVariable) {
        boolean isStatic = Modifier.isStatic(method.access);
        if (!isStatic && localVariable == 0) {
            return null;
        }
        int slot = isStatic ? 0 : 1;
        for (Type parameter : Type.getArgumentTypes(method.desc)) {
            if (slot == localVariable) {
                return parameter;
            }
            slot += parameter.getSize();
        }
        return null;
    }
}
