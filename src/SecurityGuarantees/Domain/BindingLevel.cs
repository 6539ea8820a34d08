namespace SecurityGuarantees.Domain;

/// <summary>How binding a <see cref="Document"/> is.</summary>
public enum BindingLevel
{
    /// <summary>Not binding.</summary>
    None,

    /// <summary>Politically binding.</summary>
    Political,

    /// <summary>Legally binding.</summary>
    Legal,
}
