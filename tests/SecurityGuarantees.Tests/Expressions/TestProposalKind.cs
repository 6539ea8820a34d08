namespace SecurityGuarantees.Tests.Expressions;

public enum TestProposalKind
{
    Ceasefire,
    ReassuranceForce,
    Article5Like,
}
