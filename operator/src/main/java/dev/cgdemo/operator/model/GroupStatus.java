package dev.cgdemo.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class GroupStatus {

  private String groupId;
  private String state;
  private String protocol;
  /** Group epoch (consumer protocol) or generation (classic), when the broker reports one. */
  private Integer generation;
  private Integer members;

  public GroupStatus() {
  }

  public GroupStatus(String groupId, String state, String protocol, Integer generation, Integer members) {
    this.groupId = groupId;
    this.state = state;
    this.protocol = protocol;
    this.generation = generation;
    this.members = members;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public Integer getGeneration() {
    return generation;
  }

  public void setGeneration(Integer generation) {
    this.generation = generation;
  }

  public Integer getMembers() {
    return members;
  }

  public void setMembers(Integer members) {
    this.members = members;
  }
}
