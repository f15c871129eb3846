namespace KConnector.Generator.FrameworkConfig;

/// <summary>How an options record's property types its key.</summary>
internal enum OptionsPropertyKind
{
    /// <summary>No property of the record's own: the generator writes it, typed from the key.</summary>
    Generated,

    /// <summary>Declared by hand with the key's own type (a name of its own, say): default and read generated.</summary>
    Natural,

    /// <summary>Declared by hand as an enum of the key's values: default and read generated.</summary>
    Enum,

    /// <summary>Declared by hand as a TimeSpan of a millisecond key: default and read generated.</summary>
    Milliseconds,

    /// <summary>Declared by hand as a char of a one-character string key: default and read generated.</summary>
    Character,

    /// <summary>Declared by hand with a type of its own (or holding a key set): the record's own code reads it.</summary>
    ByHand,
}
