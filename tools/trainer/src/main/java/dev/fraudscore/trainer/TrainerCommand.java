package dev.fraudscore.trainer;

public class TrainerCommand {
    public static void main(String[] args) {
    }
}
