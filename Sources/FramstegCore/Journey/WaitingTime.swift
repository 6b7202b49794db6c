/// Väntetid: from interest registration to start. The association's goal is at most two weeks (seed 004).
public enum WaitingTime {
    public static let goalDays = 14
}
