namespace SecurityGuarantees.Domain;

/// <summary>The format of a <see cref="Meeting"/>.</summary>
public enum MeetingFormat
{
    /// <summary>Defence ministers of France, Germany, Italy, Poland and the United Kingdom.</summary>
    E5,

    /// <summary>Military chiefs of staff.</summary>
    ChiefsOfStaff,

    /// <summary>The coalition of the willing.</summary>
    Coalition,

    /// <summary>Two parties.</summary>
    Bilateral,

    /// <summary>Three parties.</summary>
    Trilateral,

    /// <summary>A telephone or video call.</summary>
    Call,

    /// <summary>Leaders meeting in person.</summary>
    Summit,

    /// <summary>Negotiations on ending the war, direct or through a mediator.</summary>
    Talks,
}
