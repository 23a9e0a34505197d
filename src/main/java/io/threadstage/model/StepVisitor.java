package io.threadstage.model;

/**
 * What to do with each type of {@link Step}, called through {@link Step#accept}. Java 17 has no
 * pattern switch over a sealed type, so this interface is how the compiler checks that every
 * dispatch on steps covers every verb: it has one method per type of step and no defaults, and
 * a new type of step does not compile until each visitor has its method. Implementations say
 * which thread owns them.
 *
 * @param <R> what a visit gives back ({@link Void} for none)
 */
public interface StepVisitor<R> {

    R visit(Step.Compute step);

    R visit(Step.Sleep step);

    R visit(Step.Io step);

    R visit(Step.Print step);

    R visit(Step.Acquire step);

    R visit(Step.Release step);

    R visit(Step.With step);

    R visit(Step.Put step);

    R visit(Step.Get step);

    R visit(Step.GetUntil step);

    R visit(Step.TaskDone step);

    R visit(Step.JoinQueue step);

    R visit(Step.Wait step);

    R visit(Step.SetEvent step);

    R visit(Step.ClearEvent step);

    R visit(Step.Until step);

    R visit(Step.Start step);

    R visit(Step.Run step);

    R visit(Step.Join step);

    R visit(Step.IsAlive step);

    R visit(Step.SetDaemon step);

    R visit(Step.Rename step);

    R visit(Step.Submit step);

    R visit(Step.Result step);

    R visit(Step.MapTasks step);

    R visit(Step.Shutdown step);

    R visit(Step.LocalSet step);

    R visit(Step.LocalGet step);

    R visit(Step.Increment step);

    R visit(Step.Raise step);

    R visit(Step.Try step);

    R visit(Step.Repeat step);

    R visit(Step.Introspect step);
}
