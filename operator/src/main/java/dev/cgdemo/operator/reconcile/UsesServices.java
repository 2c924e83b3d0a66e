package dev.cgdemo.operator.reconcile;

/** A dependent resource that needs {@link OperatorServices}; JOSDK creates dependents itself. */
public interface UsesServices {

  void useServices(OperatorServices services);
}
